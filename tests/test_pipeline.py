from __future__ import annotations

import pickle

import pytest

from arnews_nlp.doc import Doc, Entity
from arnews_nlp.errors import ConfigError, EmptyInputError, NonArabicInputError, PipelineError
from arnews_nlp.pipeline import Pipeline, ignore_error
from arnews_nlp.registry import factory_names, get_factory

BASIC = {
    "stages": [
        {"name": "normalizer", "factory": "arnews.normalizer.v1"},
        {"name": "sentencizer", "factory": "arnews.sentencizer.v1"},
        {"name": "tokenizer", "factory": "arnews.tokenizer.v1", "config": {"segment": True}},
    ]
}


def tag_cities(doc: Doc) -> Doc:
    """A user stage: mark every occurrence of عمان as GPE."""
    start = doc.text.find("عمان")
    while start >= 0:
        doc.entities.append(Entity(start, start + 4, "GPE", "عمان"))
        start = doc.text.find("عمان", start + 1)
    return doc


def boom(doc: Doc) -> Doc:
    raise RuntimeError("stage exploded")


def test_config_round_trip() -> None:
    nlp = Pipeline.from_config(BASIC)
    again = Pipeline.from_config(nlp.to_config())
    assert again.pipe_names == ["normalizer", "sentencizer", "tokenizer"]
    assert again.to_config() == nlp.to_config()


def test_add_remove_replace_and_order() -> None:
    nlp = Pipeline.from_config(BASIC)
    nlp.add_pipe(tag_cities, name="cities", after="sentencizer")
    assert nlp.pipe_names == ["normalizer", "sentencizer", "cities", "tokenizer"]
    doc = nlp("وصل الوزير إلى عمان. ثم غادر عمان.")
    assert [doc.span_text(e) for e in doc.entities] == ["عمان", "عمان"]
    nlp.replace_pipe("tokenizer", "arnews.tokenizer.v1", config={"segment": False})
    assert nlp.pipe_names[-1] == "tokenizer"
    assert all(not t.segments for t in nlp("والحكومة وسوريا").tokens)
    nlp.remove_pipe("cities")
    assert nlp("وصل الوزير إلى عمان").entities == []


def test_missing_requirements_are_listed_together() -> None:
    nlp = Pipeline()
    with pytest.raises(ConfigError) as err:
        Pipeline.from_config({"stages": [{"name": "tokenizer", "factory": "arnews.tokenizer.v1"}]})
    assert "requires sentences" in str(err.value)
    nlp.add_pipe("arnews.sentencizer.v1")
    nlp.add_pipe("arnews.tokenizer.v1")
    assert nlp.pipe_names == ["sentencizer", "tokenizer"]
    with pytest.raises(ConfigError):
        nlp.add_pipe("arnews.tokenizer.v1", name="tok2", before="sentencizer")
    assert nlp.pipe_names == ["sentencizer", "tokenizer"]


def test_unknown_factory_and_duplicate_name() -> None:
    nlp = Pipeline()
    with pytest.raises(ConfigError, match="unknown stage factory"):
        nlp.add_pipe("arnews.nothing.v1")
    nlp.add_pipe("arnews.sentencizer.v1")
    with pytest.raises(ConfigError, match="already exists"):
        nlp.add_pipe("arnews.sentencizer.v1")


def test_disable_per_call() -> None:
    nlp = Pipeline.from_config(BASIC)
    doc = nlp("وصل الوزير.", disable=["tokenizer"])
    assert doc.tokens == [] and doc.sentences
    with pytest.raises(ConfigError):
        nlp("وصل الوزير.", disable=["nope"])


@pytest.mark.parametrize("text", ["", "   \n "])
def test_empty_input(text: str) -> None:
    with pytest.raises(EmptyInputError):
        Pipeline.from_config(BASIC)(text)


@pytest.mark.parametrize("text", ["The minister arrived in Amman.", "12345 ...", "😀😀"])
def test_non_arabic_input(text: str) -> None:
    with pytest.raises(NonArabicInputError):
        Pipeline.from_config(BASIC)(text)


def test_mixed_text_with_some_latin_is_accepted() -> None:
    doc = Pipeline.from_config(BASIC)("كتب الوزير على منصة X أن الاجتماع كان مثمراً")
    assert doc.tokens


def test_stage_errors_are_wrapped_or_ignored() -> None:
    nlp = Pipeline.from_config(BASIC)
    nlp.add_pipe(boom)
    with pytest.raises(PipelineError, match="boom"):
        nlp("وصل الوزير.")
    docs = list(nlp.pipe(["وصل الوزير.", "ثم غادر."], error_handler=ignore_error))
    assert [d.text for d in docs] == ["وصل الوزير.", "ثم غادر."]


def test_pipe_keeps_order_with_processes() -> None:
    nlp = Pipeline.from_config(BASIC)
    texts = [f"الخبر رقم {i} عن عمان." for i in range(12)]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [d.text for d in docs] == texts
    assert all(d.tokens for d in docs)


@pytest.mark.parametrize("name", ["arnews.normalizer.v1", "arnews.sentencizer.v1", "arnews.tokenizer.v1"])
def test_every_builtin_stage_pickles(name: str) -> None:
    stage = get_factory(name)()
    doc = stage(Pipeline.from_config(BASIC)("وسوريا والعراق. ثم لبنان."))
    again = pickle.loads(pickle.dumps(stage))
    doc2 = again(Pipeline.from_config(BASIC)("وسوريا والعراق. ثم لبنان."))
    assert (doc.sentences, doc.tokens) == (doc2.sentences, doc2.tokens)


def test_whole_pipeline_pickles() -> None:
    nlp = Pipeline.from_config(BASIC)
    nlp("تهيئة")
    again = pickle.loads(pickle.dumps(nlp))
    assert again.pipe_names == nlp.pipe_names
    assert again("وصل الوزير").tokens == nlp("وصل الوزير").tokens


def test_factory_names_are_versioned() -> None:
    names = factory_names()
    assert "arnews.tokenizer.v1" in names
    assert all(n.split(".")[-1].startswith("v") for n in names)
