"""Sentence splitting, surface tokens with offsets, and clitic segments."""

from arnews_nlp.tokenize.clitics import CliticSegmenter
from arnews_nlp.tokenize.sentences import split_sentences
from arnews_nlp.tokenize.tokens import TOKEN_PATTERN, Tokenizer

__all__ = ["TOKEN_PATTERN", "CliticSegmenter", "Tokenizer", "split_sentences"]
