"""Units of measurement written after a number: what "256GB", "50 mph", "6.1-inch" or "2.14degF" measure.

:func:`measure_after` reads the unit written right after a number (joined to it, after a space or
after a hyphen) and, when one follows, the denominator of a rate ("$80 per sq m", "RM79 a month",
"63 cents per share"). Counted things ("12 cities") and currencies written before the figure are
read in :mod:`mpsbook.extract.quantities` and :mod:`mpsbook.extract.numbers`; this module knows only units with a
fixed name.

Each unit has one name, in the plural as the book names units ("kilometres", "miles per hour",
"degrees Celsius"). A spelling is matched as written when it is an abbreviation or symbol ("GB",
"mph", "°C", "kW" — case tells "mW" from "MW"), and whatever its case when it is a word ("Kilometres",
"FEET"). A unit may be followed by a rate's denominator: "/", "per", "a", "an" or "a-" and a unit of
time, a currency's usual denominators (share, barrel, ounce, gallon, gram) or an area; the name is
then "<unit> per <denominator>" ("dollars per square metre").
"""

from __future__ import annotations

import re

# name: (abbreviations and symbols, matched as written; words, matched in any case). A word's plural
# in -s is listed by the plural; an abbreviation may be joined to the digits ("5kW") or follow a space.
MEASURES: dict[str, tuple[str, str]] = {
    "kilometres": ("km", "kilometre|kilometres|kilometer|kilometers"),
    "metres": ("m", "metre|metres|meter|meters"),
    "centimetres": ("cm", "centimetre|centimetres|centimeter|centimeters"),
    "millimetres": ("mm", "millimetre|millimetres|millimeter|millimeters"),
    "micrometres": ("μm|µm", "micrometre|micrometres|micrometer|micrometers|micron|microns"),
    "nanometres": ("nm", "nanometre|nanometres|nanometer|nanometers"),
    "miles": ("mi", "mile|miles"),
    "yards": ("yd|yds", "yard|yards"),
    "feet": ("ft", "foot|feet"),
    "inches": ("″", "inch|inches"),
    "square kilometres": ("km2|km²|sq km|sq. km", "square kilometre|square kilometres|square kilometer|square kilometers"),
    "square metres": ("m2|m²|sq m|sq. m|sqm", "square metre|square metres|square meter|square meters"),
    "square feet": ("sq ft|sq. ft|sqft|ft2", "square foot|square feet"),
    "square miles": ("sq mi", "square mile|square miles"),
    "hectares": ("ha", "hectare|hectares"),
    "acres": ("", "acre|acres"),
    "cubic metres": ("m3|m³", "cubic metre|cubic metres|cubic meter|cubic meters"),
    "cubic feet": ("cu ft", "cubic foot|cubic feet"),
    "litres": ("l|L", "litre|litres|liter|liters"),
    "millilitres": ("ml|mL", "millilitre|millilitres|milliliter|milliliters"),
    "gallons": ("gal", "gallon|gallons"),
    "pints": ("", "pint|pints"),
    "quarts": ("", "quart|quarts"),
    "grams": ("g", "gram|grams|gramme|grammes"),
    "milligrams": ("mg", "milligram|milligrams"),
    "micrograms": ("μg|µg|mcg", "microgram|micrograms"),
    "gigatonnes": ("Gt", "gigatonne|gigatonnes|gigaton|gigatons"),
    "pounds of weight": ("lb|lbs", ""),
    "ounces": ("oz", "ounce|ounces"),
    "drams": ("", "dram|drams"),
    "miles per hour": ("mph|m.p.h.|m.p.h", "miles per hour|miles an hour"),
    "kilometres per hour": ("km/h|km/hr|kph|kmh", "kilometres per hour|kilometers per hour|kilometres an hour"),
    "metres per second": ("m/s", "metres per second|meters per second"),
    "knots": ("", "knot|knots"),
    "miles per gallon": ("mpg", "miles per gallon"),
    "minutes": ("min|mins", "minute|minutes"),
    "seconds": ("sec|secs", "second|seconds"),
    "milliseconds": ("ms", "millisecond|milliseconds"),
    "terabytes": ("TB", "terabyte|terabytes"),
    "gigabytes": ("GB", "gigabyte|gigabytes"),
    "megabytes": ("MB", "megabyte|megabytes"),
    "kilobytes": ("KB|kB", "kilobyte|kilobytes"),
    "gigabits per second": ("Gbps|Gb/s", ""),
    "megabits per second": ("Mbps|Mb/s", ""),
    "gigahertz": ("GHz|Ghz", "gigahertz"),
    "megahertz": ("MHz", "megahertz"),
    "kilohertz": ("kHz", "kilohertz"),
    "hertz": ("Hz|HZ", "hertz"),
    "terawatt hours": ("TWh", "terawatt hour|terawatt hours|terawatt-hour|terawatt-hours"),
    "gigawatt hours": ("GWh", "gigawatt hour|gigawatt hours|gigawatt-hour|gigawatt-hours"),
    "megawatt hours": ("MWh", "megawatt hour|megawatt hours|megawatt-hour|megawatt-hours"),
    "kilowatt hours": ("kWh", "kilowatt hour|kilowatt hours|kilowatt-hour|kilowatt-hours"),
    "milliampere hours": ("mAh", "milliampere hour|milliampere hours"),
    "gigawatts": ("GW", "gigawatt|gigawatts"),
    "megawatts": ("MW", "megawatt|megawatts"),
    "kilowatts": ("kW", "kilowatt|kilowatts"),
    "watts": ("W", "watt|watts"),
    "kilovolts": ("kV", "kilovolt|kilovolts"),
    "volts": ("V", "volt|volts"),
    "horsepower": ("hp|HP", "horsepower|horsepowers"),
    "calories": ("kcal", "calorie|calories"),
    "decibels": ("dB", "decibel|decibels"),
    "degrees Celsius": ("°C|° C|ºC|degC|deg C", "degree Celsius|degrees Celsius|Celsius|centigrade"),
    "degrees Fahrenheit": ("°F|° F|ºF|degF|deg F", "degree Fahrenheit|degrees Fahrenheit|Fahrenheit"),
    "degrees": ("°", "degree|degrees"),
    "gigapascals": ("GPa", "gigapascal|gigapascals"),
    "megapascals": ("MPa", "megapascal|megapascals"),
    "kilopounds per square inch": ("ksi", ""),
    "pounds per square inch": ("psi", ""),
    "parts per million": ("ppm", "parts per million"),
    "parts per billion": ("ppb", "parts per billion"),
    "basis points": ("bps|bp", "basis point|basis points"),
    "points": ("pts", "point|points"),
    "barrels per day": ("bpd|b/d", "barrels per day|barrels a day|barrel-a-day"),
    "revolutions per minute": ("rpm", "revolutions per minute"),
    "years of age": ("", "year-old|year old|years old|years-old|years of age"),
    "months of age": ("", "month-old|month old|months old|months-old"),
}

# A rate's denominator, by the name it gives: "$80 per sq m" is dollars per square metre.
DENOMINATORS = {
    **{word: word for word in "hour day week month year minute second night share barrel ounce gallon gram".split()},
    "kilogram": "kilogram", "kg": "kilogram", "litre": "litre", "liter": "litre", "tonne": "tonne", "ton": "tonne",
    "sq m": "square metre", "square metre": "square metre", "square meter": "square metre", "sqm": "square metre",
    "square foot": "square foot", "sq ft": "square foot", "mmBTU": "million British thermal units",
    "person": "person", "head": "person", "capita": "person", "century": "century",
}


def _alternation(spellings) -> str:
    return "|".join(re.escape(s).replace(r"\ ", r"\s?" if s[:1] in "°d" else r"\s") for s in sorted(spellings, key=len, reverse=True))


# A litre is "l" or "L" only when joined to the digits ("1.0l"): after a space the letter is too often a name.
_JOINED_ONLY = {"l", "L"}


class MeasureTable:
    """Units of measurement and rates' denominators compiled for reading: :data:`MEASURES` and :data:`DENOMINATORS`,
    or other tables of their form (name: (abbreviations, words); spelling: name).

    The book reads with :data:`BOOK_MEASURES`; a benchmark may pass more units and denominators
    (:class:`mpsbook.extract.vocabulary.Vocabulary`).
    """

    def __init__(self, measures: dict[str, tuple[str, str]], denominators: dict[str, str]):
        self.denominators = denominators
        self._denominator = re.compile(
            # A conversion in brackets may stand between the figure and its denominator, and the converted figure
            # shares it: "C$6 (US$4.46) per share", "9 billion shekels ($2.408 billion) a year".
            r"(?:\s*\([^()]{1,30}\)|\))?"
            rf"(?:\s*/\s*|\s+per\s+|\s+an?\s+|\s+a-)(?P<per>{_alternation(denominators)})(?![A-Za-z])"
            r"(?!\s+(?:earlier|ago|later|before|since|previously)\b)",  # "a year earlier", "a year ago": a time, not a rate
            re.IGNORECASE,
        )
        self.abbreviations = {s: name for name, (abbreviations, _) in measures.items() for s in abbreviations.split("|") if s}
        self.words = {s.lower(): name for name, (_, words) in measures.items() for s in words.split("|") if s}
        # A symbol or abbreviation joined to the digits, after one space or after a hyphen ("5kW", "5 kW", "185-hp"),
        # never before a letter or a digit ("5kWs", "m2" is its own spelling); a word after a space or a hyphen.
        self._joined = re.compile(rf"(?P<space>\s?|-)(?P<unit>{_alternation(self.abbreviations)})(?![A-Za-z\d])")
        self._word = re.compile(rf"(?:\s|-)(?P<unit>{_alternation(self.words)})(?![A-Za-z])", re.IGNORECASE)

    def after(self, text: str, end: int, joined: bool = False) -> tuple[str, int]:
        """The unit of measurement written right after ``text[:end]`` and where it ends; ("", end) when there is none.

        With ``joined``, only a symbol or abbreviation written straight after the digits counts ("256GB",
        not "256 GB"): what tells a number with a unit from a code ("5G" stays a code). Returns (name, end offset).
        """
        found = self._joined.match(text, end)
        if found and (found.group("space") == "" or (not joined and found.group("unit") not in _JOINED_ONLY)):
            return self.abbreviations[found.group("unit")], found.end()
        if joined:
            return "", end
        found = self._word.match(text, end)
        if found:
            return self.words[" ".join(found.group("unit").lower().split())], found.end()
        return "", end

    def rate(self, text: str, end: int, unit: str) -> tuple[str, int]:
        """``unit`` as a rate when a denominator follows at ``end`` ("per share", "a month", "/h"); else ``unit`` and ``end``."""
        found = self._denominator.match(text, end)
        if not found or not unit:
            return unit, end
        per = found.group("per")
        spellings = (per, per.lower(), " ".join(per.lower().split()))
        name = next((self.denominators[s] for s in spellings if s in self.denominators), per)
        return f"{unit} per {name}", found.end()


BOOK_MEASURES = MeasureTable(MEASURES, DENOMINATORS)


def measure_after(text: str, end: int, joined: bool = False) -> tuple[str, int]:
    """The book's unit of measurement written right after ``text[:end]`` (:meth:`MeasureTable.after` of :data:`BOOK_MEASURES`)."""
    return BOOK_MEASURES.after(text, end, joined)


def rate_after(text: str, end: int, unit: str) -> tuple[str, int]:
    """``unit`` as a rate by the book's denominators (:meth:`MeasureTable.rate` of :data:`BOOK_MEASURES`)."""
    return BOOK_MEASURES.rate(text, end, unit)
