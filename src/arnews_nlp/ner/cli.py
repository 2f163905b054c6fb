"""``arnews train-ner``, ``arnews tag-conll`` and ``arnews eval-ner``.

``register(subparsers)`` adds the three subcommands to the ``arnews`` command;
``python -m arnews_nlp.ner.cli`` runs them standalone.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import itertools
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from arnews_nlp.errors import InvalidEncodingError, InvalidRecordError, UnreadableFileError
from arnews_nlp.io.files import read_utf8
from arnews_nlp.ner.labels import ANERCORP_SCHEME, AQMAR_MAP, DOMAINS, LABELS, map_tags

__all__ = ["main", "register", "tag_conll_lines"]

_SCHEMES = ("full", "anercorp")


_THREADS = (
    "numpy BLAS threads while tagging (default 1: more spin rather than help, and slow down "
    "other jobs on the machine badly; 0: BLAS's own default). For more speed, tag several files side by side"
)
_CRF_ONLY = "the model's CRF alone, without the network's scores (faster, less accurate)"
_DOMAIN = (
    "whose annotation guidelines the network follows: news (ANERcorp's, the default) "
    "or wiki (AQMAR's, for Wikipedia-style text)"
)


def _shared_dir() -> Path:
    env = os.environ.get("ARNEWS_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[3] / ".." / "shared"


def _sentences(lines: Iterable[str]) -> Iterator[tuple[list[str], bool]]:
    """Yield ``(lines of one sentence, False)`` and ``([blank line], True)`` in input order."""
    cur: list[str] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if line.strip():
            cur.append(line)
            continue
        if cur:
            yield cur, False
            cur = []
        yield [line], True
    if cur:
        yield cur, False


def tag_conll_lines(
    lines: Iterable[str],
    tag_document: Callable[[list[list[str]]], list[list[str]]],
    *,
    scheme: str = "full",
    window: int = 25,
) -> Iterator[str]:
    """Append a predicted BIO tag to every token line; blank lines pass through.

    The first column is the token; other columns are kept. The tag is joined with
    a tab when the line is tab-separated, else with a space. Sentences go to
    ``tag_document`` in blocks of ``window`` (a stand-in for documents).

    Examples:
        >>> fake = lambda sents: [["B-GPE" if t == "دمشق" else "O" for t in s] for s in sents]
        >>> list(tag_conll_lines(["زار X", "دمشق X", "", "نعم X"], fake, scheme="anercorp"))
        ['زار X O', 'دمشق X B-LOC', '', 'نعم X O']
    """
    if scheme not in _SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}; choose from {_SCHEMES}")
    pending: list[tuple[list[str], bool]] = []

    def flush() -> Iterator[str]:
        sents = [[line.split()[0] for line in g] for g, blank in pending if not blank]
        tagged = iter(tag_document(sents) if sents else [])
        for group, blank in pending:
            if blank:
                yield group[0]
                continue
            tags = next(tagged)
            if scheme == "anercorp":
                tags = map_tags(tags, ANERCORP_SCHEME)
            for line, t in zip(group, tags, strict=True):
                yield line + ("\t" if "\t" in line else " ") + t
        pending.clear()

    count = 0
    for group, blank in _sentences(lines):
        pending.append((group, blank))
        count += not blank
        if count >= max(1, window):
            yield from flush()
            count = 0
    yield from flush()


def _read_lines(path: str) -> list[str]:
    """The lines of a UTF-8 file (``-``: standard input) split as reading the file splits them.

    Only LF, CR LF and CR end a line: ``str.splitlines`` would also split inside a
    token at U+2028, U+0085 or a form feed, and shift every tag after it.
    """
    return io.StringIO(read_utf8(path), newline=None).readlines()


def _stream_lines(path: str) -> Iterator[str]:
    """The lines of a UTF-8 file (``-``: standard input), read as they come, split as :func:`_read_lines` splits.

    Raises:
        UnreadableFileError: The file is missing or unreadable (E004), when the first line is asked for.
        InvalidEncodingError: A line is not UTF-8 (E003, with the bad byte's offset in the file).
    """
    try:
        fh = sys.stdin.buffer if path == "-" else open(path, "rb")
    except OSError as exc:
        raise UnreadableFileError(path=path, reason=exc.strerror or str(exc)) from exc
    pos = 0
    try:
        for raw in fh:  # split at LF bytes, which no multi-byte UTF-8 character contains
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InvalidEncodingError(path=path, position=pos + exc.start) from exc
            pos += len(raw)
            yield from io.StringIO(text, newline=None).readlines()  # a lone CR ends a line too
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """Standard output, or a file that appears (replacing any earlier one) only once all is written.

    For a regular file (or a new one) the lines go to a temporary file beside ``path``, renamed
    over it at the end; on an error it is removed and an earlier ``path`` is left as it was.
    Anything else that exists (``/dev/null``, a pipe, a terminal) is written to directly: a
    rename would replace the device itself.
    """
    if not path:
        yield sys.stdout
        return
    target = Path(path).resolve()  # through symbolic links: the file they point to is replaced, not them
    if target.exists() and not target.is_file():
        try:
            out = open(target, "w", encoding="utf-8")
        except OSError as exc:
            raise UnreadableFileError(path=path, reason=exc.strerror or str(exc)) from exc
        with out:
            yield out
        return
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise UnreadableFileError(path=path, reason=exc.strerror or str(exc)) from exc
    try:
        with open(fd, "w", encoding="utf-8") as out:
            yield out
        # mkstemp's file is private (0600): give it the mode an earlier file had, else the umask's
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _cmd_tag_conll(args: argparse.Namespace) -> int:
    from arnews_nlp.ner.model import load_tagger

    lines = _stream_lines(args.input)
    first = list(itertools.islice(lines, 1))  # a missing input fails here, before the model loads
    tagger = load_tagger(args.model, domain=args.domain)
    tag = functools.partial(tagger.tag_document, neural=not args.crf_only)
    with _math_threads(args.threads), _output(args.output) as out:
        for line in tag_conll_lines(itertools.chain(first, lines), tag, scheme=args.scheme, window=args.window):
            out.write(line + "\n")
    return 0


def _thread_count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more threads, not {text!r}")
    return n


def _math_threads(n: int) -> contextlib.AbstractContextManager[object]:
    """Hold numpy's BLAS to ``n`` threads while tagging (0: its own default, a thread per core).

    The network's matrix products are small: a second BLAS thread spins more than it helps.
    Measured with ``tag-conll`` on a 2-core AMD EPYC (4 December 2026): 1M ANT tokens, two runs
    side by side, 40 s each with one thread and about 283 s each with the default; alone, 46–47 s
    with one thread and 39–68 s with the default (1.85–1.9 s of CPU per second). 300k tokens
    alone, three runs each: 14–20 s either way. Alone the default is at most 10–20 % faster
    while it keeps both cores busy; beside another job it is several times slower.
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(n) if n else contextlib.nullcontext()


def _score_tag(tag: str, scheme: str, keep: set[str] | None) -> str:
    """A gold or predicted tag as scored: AQMAR's type names read as ours, mapped by ``scheme``, only ``keep``.

    Examples:
        >>> _score_tag("B-PER", "anercorp", None), _score_tag("I-GPE", "anercorp", None)
        ('B-PERS', 'I-LOC')
        >>> _score_tag("B-MIS", "anercorp", {"PERS", "LOC", "ORG"}), _score_tag("B-NORP", "full", None)
        ('O', 'B-NORP')
    """
    if tag == "O" or "-" not in tag:
        return "O"
    typ = AQMAR_MAP.get(tag[2:], tag[2:])
    if scheme == "anercorp":
        typ = ANERCORP_SCHEME.get(typ, "O")
    if typ == "O" or (keep is not None and typ not in keep):
        return "O"
    return tag[:2] + typ


def _rescore_lines(lines: Iterable[str], scheme: str, keep: set[str] | None, source: str) -> Iterator[str]:
    """``TOKEN GOLD PRED`` lines (last two columns) with both tags passed through :func:`_score_tag`.

    Raises:
        InvalidRecordError: a token line of ``source`` has fewer than three columns (E005).
    """
    for n, raw in enumerate(lines, 1):
        cols = raw.split()
        if not cols:
            yield ""
            continue
        if len(cols) < 3:
            raise InvalidRecordError(reason=f"{source} line {n}: expected TOKEN GOLD PRED, got {raw.strip()!r}")
        yield f"{cols[0]} {_score_tag(cols[-2], scheme, keep)} {_score_tag(cols[-1], scheme, keep)}"


def _cmd_eval_ner(args: argparse.Namespace) -> int:
    scorer = Path(args.scorer) if args.scorer else _shared_dir() / "eval" / "score_ner.py"
    if not scorer.is_file():
        print(f"score_ner.py not found at {scorer}; pass --scorer or set ARNEWS_SHARED", file=sys.stderr)
        return 2
    keep = set(args.types.split(",")) if args.types else None
    if args.scored:  # the file's own predictions, mapped and filtered like the tagger's below
        lines = _read_lines(args.gold)
        text = "".join(line + "\n" for line in _rescore_lines(lines, args.scheme, keep, args.gold))
    else:
        text = _tagged_for_scoring(args, keep)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".conll", delete=False) as tmp:
        tmp.write(text)
    scored = Path(tmp.name)
    if args.output:
        with _output(args.output) as out:
            out.write(text)
    cmd = [sys.executable, str(scorer), str(scored)] + (["--json"] if args.json else [])
    try:
        proc = subprocess.run(cmd, check=False, capture_output=True, text=True, encoding="utf-8")
        sys.stdout.write(proc.stdout)
        sys.stderr.write(proc.stderr)
        return proc.returncode
    finally:
        scored.unlink()


def _tagged_for_scoring(args: argparse.Namespace, keep: set[str] | None) -> str:
    """``TOKEN GOLD PRED`` text of the gold file tagged by the model, in blocks of ``--window`` sentences."""
    from arnews_nlp.ner.conll import read_conll_lines
    from arnews_nlp.ner.model import load_tagger

    sents = list(read_conll_lines(_read_lines(args.gold)))
    tagger = load_tagger(args.model, domain=args.domain)
    tagged: list[list[str]] = []
    with _math_threads(args.threads):
        for a in range(0, len(sents), max(1, args.window)):
            block = [[c[0] for c in s] for s in sents[a : a + max(1, args.window)]]
            tagged += tagger.tag_document(block, neural=not args.crf_only)
    out = []
    for sent, pred in zip(sents, tagged, strict=True):
        for cols, p in zip(sent, pred, strict=True):
            out.append(f"{cols[0]} {_score_tag(cols[-1], args.scheme, keep)} {_score_tag(p, args.scheme, keep)}\n")
        out.append("\n")
    return "".join(out)


def _cmd_train_ner(args: argparse.Namespace) -> int:
    from arnews_nlp.ner.train import TrainConfig, build_model, default_vectors_path

    checkout_model = Path(__file__).resolve().parents[3] / "models" / "ner"
    out = Path(args.out) if args.out else checkout_model
    cfg = TrainConfig(
        c1=args.c1,
        c2=args.c2,
        max_iterations=args.max_iterations,
        dev_fraction=0.1 if args.dev else 0.0,
        neural=not args.no_neural,
    )
    vectors = Path(args.vectors) if args.vectors else default_vectors_path()
    # the table build_clusters.py writes; a model folder elsewhere gets a copy
    clusters = Path(args.clusters) if args.clusters else checkout_model / "clusters.tsv"
    data = Path(args.data) if args.data else None
    report = build_model(out, clusters_path=clusters, cfg=cfg, ner_dir=data, vectors_path=vectors)
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``train-ner``, ``tag-conll`` and ``eval-ner`` to an argparse subparsers object."""
    from arnews_nlp.ner.train import TrainConfig

    d = TrainConfig()
    p = subparsers.add_parser("train-ner", help="build the NER model from ../shared/data/ner")
    p.add_argument("--data", help="folder with anercorp/, aqmar/, newsfane/ (default ../shared/data/ner)")
    p.add_argument(
        "--clusters", help="word-cluster table (default models/ner/clusters.tsv, from scripts/build_clusters.py)"
    )
    p.add_argument("--out", help="model folder to write (default models/ner in the checkout)")
    p.add_argument(
        "--vectors",
        help="ANT word vectors for the network (default build/ner/vectors.npz, from scripts/build_vectors.py)",
    )
    p.add_argument("--no-neural", action="store_true", help="CRF only: no BiLSTM-CRF (then torch is not needed)")
    p.add_argument("--dev", action="store_true", help="hold out dev splits and report their scores")
    p.add_argument("--max-iterations", type=int, default=d.max_iterations)
    p.add_argument("--c1", type=float, default=d.c1)
    p.add_argument("--c2", type=float, default=d.c2)
    p.set_defaults(func=_cmd_train_ner)

    p = subparsers.add_parser("tag-conll", help="append predicted BIO tags to a CoNLL file")
    p.add_argument(
        "input", help="CoNLL file (- for standard input): token in the first column, blank line between sentences"
    )
    p.add_argument(
        "-o",
        "--output",
        help="write here instead of stdout; the file appears (or replaces an earlier one) only once complete",
    )
    p.add_argument(
        "--scheme",
        choices=_SCHEMES,
        default="full",
        help=f"full: {', '.join(LABELS)}; anercorp: PERS/LOC/ORG/MISC (GPE, FAC → LOC; NORP, OCC → O)",
    )
    p.add_argument("--model", help="model folder (default: the shipped model)")
    p.add_argument(
        "--window",
        type=int,
        default=25,
        help="sentences per pseudo-document for name propagation (default 25; 1 = off)",
    )
    p.add_argument("--crf-only", action="store_true", help=_CRF_ONLY)
    p.add_argument("--threads", type=_thread_count, default=1, help=_THREADS)
    p.add_argument("--domain", choices=DOMAINS, default="news", help=_DOMAIN)
    p.set_defaults(func=_cmd_tag_conll)

    p = subparsers.add_parser("eval-ner", help="tag a gold CoNLL file and score it with score_ner.py")
    p.add_argument("gold", help="TOKEN ... GOLD file (or TOKEN GOLD PRED with --scored)")
    p.add_argument("--scheme", choices=_SCHEMES, default="anercorp")
    p.add_argument("--types", help="comma-separated types to score, others become O (e.g. PERS,LOC,ORG)")
    p.add_argument("--scored", action="store_true", help="GOLD already has a prediction column")
    p.add_argument("--model", help="model folder (default: the shipped model)")
    p.add_argument("--scorer", help="path of score_ner.py (default ../shared/eval/score_ner.py)")
    p.add_argument("-o", "--output", help="also keep the TOKEN GOLD PRED file here")
    p.add_argument("--json", action="store_true", help="scores as JSON")
    p.add_argument("--window", type=int, default=25, help="sentences per pseudo-document (see tag-conll)")
    p.add_argument("--crf-only", action="store_true", help=_CRF_ONLY)
    p.add_argument("--threads", type=_thread_count, default=1, help=_THREADS)
    p.add_argument("--domain", choices=DOMAINS, default="news", help=_DOMAIN)
    p.set_defaults(func=_cmd_eval_ner)


def main(argv: Sequence[str] | None = None) -> int:
    """Standalone entry point: ``python -m arnews_nlp.ner.cli COMMAND ...``."""
    ap = argparse.ArgumentParser(prog="arnews-ner")
    register(ap.add_subparsers(dest="command", required=True))
    args = ap.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
