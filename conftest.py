"""Repository-wide pytest settings."""

import importlib.util

# The torch modules of the neural NER trainer cannot even be imported for their doctests without torch
# (the training extra); the extras suite (make test-extras) runs them.
collect_ignore = [] if importlib.util.find_spec("torch") else ["src/arnews_nlp/ner/neural_torch.py"]
