"""Closed word classes geoparse and event_location read the text with (English)."""

from __future__ import annotations

# Prepositions after which a capitalised name is very likely a place ("in Kharkiv", "near Gao").
LOCATIVE_PREPS = frozenset({
    "in", "at", "near", "outside", "inside", "around", "across", "into", "from", "to", "toward",
    "towards", "through", "throughout", "within", "over", "off", "along", "via", "beyond", "onto",
    "between", "past", "out", "nearby", "behind", "beneath", "under", "above", "on", "upon",
})
# Nouns that make "of X" locative: "the city of Bakhmut", "the outskirts of Kyiv".
GEO_NOUNS = frozenset({
    "city", "cities", "town", "towns", "village", "villages", "region", "regions", "province",
    "provinces", "oblast", "state", "district", "area", "areas", "capital", "port", "outskirts",
    "suburb", "suburbs", "governorate", "county", "municipality", "territory", "territories",
    "enclave", "camp", "settlement", "island", "islands", "coast", "border", "borders", "north",
    "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "centre",
    "center", "heart", "streets", "parts", "part", "shores", "waters", "airspace", "neighbourhood",
    "neighborhood", "strip", "peninsula", "countryside", "frontline", "front", "environs",
    "vicinity", "edge", "edges", "interior", "rest", "people", "residents", "citizens",
    "kingdom", "republic", "community", "communities", "hub", "stronghold", "bastion",
})
# Nouns after which "of X" names a place: "the shelling of Kherson", "control of Bakhmut".
OF_NOUNS = frozenset({
    "shelling", "capture", "siege", "fall", "battle", "control", "liberation", "bombing",
    "occupation", "bombardment", "defence", "defense", "recapture", "evacuation", "mayor",
    "governor", "residents", "people", "population", "streets", "ruins", "destruction",
    "encirclement", "outskirts", "centre", "center", "heart", "annexation", "invasion",
    "blockade", "east", "west", "north", "south", "port", "city", "town", "village",
})
# Verbs whose object is very likely a place: "captured Avdiivka", "left Kostiantynivka".
PLACE_VERBS = frozenset({
    "capture", "seize", "take", "enter", "leave", "retake", "recapture", "shell", "bomb",
    "attack", "strike", "hit", "reach", "storm", "besiege", "encircle", "liberate", "occupy",
    "evacuate", "visit", "defend", "hold", "lose", "abandon", "surround", "invade", "annex",
    "flee", "overrun", "raid", "pound", "bombard", "target", "tour", "govern", "rule",
})
# Words that turn "Donetsk" into the region: "the Donetsk region", "Idlib province".
REGION_WORDS = frozenset({
    "region", "regions", "oblast", "oblasts", "province", "provinces", "governorate",
    "governorates", "state", "states", "krai", "prefecture", "territory",
})
PLURAL_REGION_WORDS = frozenset({"regions", "oblasts", "provinces", "governorates", "states"})
# Lower-case words allowed inside a multi-word name ("Gulf of Aden", "Deir al-Balah").
CONNECTORS = frozenset({
    "of", "the", "and", "al", "el", "ad", "as", "ar", "an", "ash", "at", "az", "ed", "en", "de",
    "du", "des", "la", "le", "les", "del", "di", "da", "do", "dos", "das", "y", "on", "upon", "am",
    "im", "der", "na", "sur", "-", "'s", "’s", "&", ".", ",", "'", "’", "e", "i", "bin", "ibn",
    "au", "aux", "lès", "bei", "ob", "pod", "nad", "van", "von", "ter", "zu", "ez", "es", "er",
    "ul", "ud", "ur", "um",
})
# Lower-case Arabic articles a name may start with ("al-Hol camp", "el-Fasher").
ARTICLES = frozenset({"al", "el", "ad", "as", "ar", "an", "ash", "az", "at"})
# A capitalised word right after a place name that makes the whole an organisation or a work
# ("Kyiv Independent", "Washington Post", "Geneva Conventions"): the place name is not a place.
ORG_HEADS = frozenset({
    "Times", "Post", "Journal", "Independent", "Herald", "Tribune", "Gazette", "Daily",
    "University", "Institute", "Council", "Fleet", "Command", "Club", "FC", "United", "Airlines",
    "Airways", "Stock", "Exchange", "Declaration", "Accords", "Accord", "Convention",
    "Conventions", "Agreement", "Agreements", "Protocol", "Format", "Group", "Forum", "Review",
    "Broadcasting", "Radio", "TV", "Television", "News", "Press", "Museum", "Zoo", "Hotel",
    "Stadium", "Cup", "Open", "Marathon", "Patriarchate", "Observatory", "Center", "Centre",
    "Initiative", "Foundation", "Statement", "Communique", "Principles", "Syndrome", "Party",
    "Front", "Movement", "Brigade", "Battalion", "Regiment", "Corps", "Division", "Army",
    "Navy", "Guard", "Guards", "Police", "Ministry", "Office", "Bank", "Company", "Corporation",
    "Inc", "Ltd", "Street", "Avenue", "Road", "Square", "Boulevard", "Consensus", "Treaty",
    "Pact", "Memorandum", "Criteria",
})
# Titles before a name: "Gen. Jackson", "Secretary Austin" are people.
TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "president", "prime", "minister", "secretary", "gen", "general",
    "lt", "col", "colonel", "sen", "senator", "rep", "representative", "gov", "governor", "mayor",
    "king", "queen", "prince", "princess", "sheikh", "pope", "judge", "justice", "ambassador",
    "commander", "chairman", "spokesman", "spokeswoman", "speaker", "chancellor", "emir",
    "sultan", "ayatollah", "rabbi", "father", "lord", "lady", "sir", "adm", "admiral", "capt",
    "captain", "sgt", "maj", "major", "envoy", "leader", "chief", "director", "officer",
    "lawmaker", "professor", "prof", "coach", "st", "saint", "mister", "madam", "dame",
})
# Verbs of saying: their subject is a speaker, not a place ("Moscow said", "Mendoza told").
SPEECH_VERBS = frozenset({
    "say", "tell", "announce", "state", "claim", "report", "add", "note", "write", "post",
    "warn", "accuse", "deny", "insist", "argue", "confirm", "declare", "reply", "respond",
    "stress", "urge", "call", "demand", "threaten", "vow", "pledge", "promise", "suggest",
    "explain", "acknowledge", "admit", "believe", "think", "want", "hope", "ask", "condemn",
    "criticize", "criticise", "praise", "welcome", "reject", "dismiss", "allege", "estimate",
})
