"""Organisation names mined from unlabeled news by the words around them.

Two gazetteer categories, learned from the ANT dump without labels and written
to a model's ``names.tsv`` by ``arnews train-ner``:

``ORGNAME``
    A word that often comes right after an organisation head noun
    (:data:`ORG_HEADS`: حزب، حركة، صحيفة، قناة، شركة، نادي …): at least
    ``min_count`` times, and in at least ``min_share`` of all its occurrences.
    ``حزب الليكود`` makes الليكود a name; ``الحاكم`` after حزب is too common
    elsewhere to count.
``CLUBCITY``
    A city of the gazetteer that is often followed by a masculine nationality
    adjective (``ليون الفرنسي``, ``هامبورغ الألماني``). Arabic city names are
    feminine (``باريس الفرنسية``), so the masculine agreement points to the club
    named after the city (a فريق or نادي, masculine).

Both are evidence for the taggers, not decisions: they become gazetteer
features, and the trained models weigh them against the context.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from arnews_nlp.ner.gazetteer import Gazetteer
from arnews_nlp.ner.refine import STOP_WORDS
from arnews_nlp.ner.wordforms import key, split_proclitics

__all__ = ["ORG_HEADS", "mine_names", "save_names"]

# Folded head nouns that precede organisation names (parties and groups, media, companies, clubs).
ORG_HEADS = frozenset(
    key(w)
    for w in (
        "حزب حركة جماعة تنظيم منظمة جبهة ميليشيا تحالف ائتلاف حلف "
        "صحيفة جريدة مجلة قناة وكالة تلفزيون إذاعة شبكة موقع "
        "شركة مصرف بنك نادي فريق"
    ).split()
)
_CITY = frozenset({"CITY", "BIGCITY"})
# Words of these categories are already known for what they are.
_KNOWN = frozenset({"COUNTRY", "NAT", "TITLE", "OCCHEAD", "ORGKW", "LOCKW", "FACKW", "GPEKW", "REGION"})


def _is_name_like(k: str) -> bool:
    return len(k) >= 2 and k.isalpha() and k not in STOP_WORDS


def mine_names(
    sentences: Iterable[Sequence[str]],
    gazetteer: Gazetteer,
    *,
    min_count: int = 3,
    min_share: float = 0.2,
    club_share: float = 0.08,
) -> list[tuple[str, str]]:
    """``(folded word, category)`` rows, sorted, from raw token sequences.

    Args:
        sentences: token lists (any normalization; they are folded here).
        gazetteer: supplies the cities and the masculine nationality adjectives
            (``NAT`` entries of the form ``ال…ي``).
        min_count: least number of telling contexts for a word.
        min_share: least share of a word's occurrences right after an
            organisation head noun (``ORGNAME``).
        club_share: least share of a city's occurrences before a masculine
            nationality adjective (``CLUBCITY``).

    Examples:
        >>> gz = Gazetteer([("ليون", "CITY"), ("الفرنسي", "NAT"), ("باريس", "CITY")])
        >>> sents = [["حزب", "الليكود", "فاز"], ["الليكود", "قرر"], ["فاز", "ليون", "الفرنسي"]] * 3
        >>> mine_names(sents + [["في", "ليون"]] * 20, gz)
        [('الليكود', 'ORGNAME'), ('ليون', 'CLUBCITY')]
    """
    total: Counter[str] = Counter()
    after_head: Counter[str] = Counter()
    before_nat: Counter[str] = Counter()
    cat = gazetteer.categories
    masc: dict[str, bool] = {}
    for tokens in sentences:
        keys = [key(t) for t in tokens]
        total.update(keys)
        for i in range(len(keys) - 1):
            nxt = keys[i + 1]
            if split_proclitics(keys[i])[1] in ORG_HEADS:
                after_head[nxt] += 1
            is_masc = masc.get(nxt)
            if is_masc is None:
                is_masc = masc[nxt] = nxt.startswith("ال") and nxt.endswith("ي") and "NAT" in cat(nxt)
            if is_masc:
                before_nat[keys[i]] += 1
    rows: set[tuple[str, str]] = set()
    for word, n in after_head.items():
        if n >= min_count and n >= min_share * total[word] and _is_name_like(word) and not cat(word) & _KNOWN:
            rows.add((word, "ORGNAME"))
    for word, n in before_nat.items():
        if n >= min_count and n >= club_share * total[word] and cat(word) & _CITY:
            rows.add((word, "CLUBCITY"))
    return sorted(rows)


def save_names(rows: Iterable[tuple[str, str]], path: Path | str) -> None:
    """Write ``word<TAB>CATEGORY`` lines (a table :meth:`Gazetteer.from_file` reads)."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(f"{w}\t{c}\n" for w, c in rows)
