"""Names of places a clause may give when a question asks "in which city", "which country":
the United Nations' Member States and observer States (short names, as its texts write them)
and the cities where the UN and the ITU meet or have offices. Facts, not text of the corpus."""

from __future__ import annotations

import re

COUNTRIES = """
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|
Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|
Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei Darussalam|Bulgaria|Burkina Faso|Burundi|
Cabo Verde|Cape Verde|Cambodia|Cameroon|Canada|Central African Republic|Chad|Chile|China|
Colombia|Comoros|Congo|Costa Rica|Côte d'Ivoire|Croatia|Cuba|Cyprus|Czechia|Czech Republic|
Democratic People's Republic of Korea|Democratic Republic of the Congo|Denmark|Djibouti|
Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|
Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|
Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Holy See|Honduras|Hungary|Iceland|India|Indonesia|
Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kuwait|
Kyrgyzstan|Lao People's Democratic Republic|Latvia|Lebanon|Lesotho|Liberia|Libya|
Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|
Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Monaco|Mongolia|Montenegro|Morocco|
Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|
North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|
Philippines|Poland|Portugal|Qatar|Republic of Korea|Republic of Moldova|Romania|
Russian Federation|Rwanda|Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|
Samoa|San Marino|Sao Tome and Principe|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|
Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Sudan|Spain|Sri Lanka|
Sudan|Suriname|Sweden|Switzerland|Syrian Arab Republic|Tajikistan|Thailand|Timor-Leste|Togo|
Tonga|Trinidad and Tobago|Tunisia|Türkiye|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|
United Arab Emirates|United Kingdom|United Republic of Tanzania|United States|Uruguay|
Uzbekistan|Vanuatu|Venezuela|Viet Nam|Yemen|Zambia|Zimbabwe
"""

CITIES = """
Geneva|New York|Vienna|Nairobi|Paris|Rome|Bonn|The Hague|Bangkok|Addis Ababa|Santiago|Beirut|
Tunis|Doha|Dubai|Abu Dhabi|Busan|Bucharest|Kigali|Baku|Hanoi|Istanbul|Antalya|Guadalajara|
Marrakesh|Marrakech|Minneapolis|Kyoto|Nice|Hammamet|Johannesburg|Florianópolis|Helsinki|
Montreal|Valletta|Hyderabad|Buenos Aires|New Delhi|Sendai|Rio de Janeiro|Monterrey|Beijing|
Cairo|Copenhagen|Riyadh|Sharm el-Sheikh|Katowice|Madrid|Lisbon|Seville|Bridgetown|Apia|
Kampala|Cape Town|Tokyo|Seoul|Brussels|Berlin|London|Moscow|Washington
"""


def _names(listed: str) -> list[str]:
    return [name.strip() for name in listed.replace("\n", "").split("|") if name.strip()]


PLACES = re.compile(
    r"(?<![\w-])(?:" + "|".join(map(re.escape, _names(COUNTRIES) + _names(CITIES))) + r")(?![\w-])"
)
