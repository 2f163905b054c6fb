"""Packaging glue: ship the top-level ``models/`` folder inside the wheel as ``arnews_nlp/_models``.

Everything else is declared in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

model_packages = ["arnews_nlp._models"] + [
    f"arnews_nlp._models.{name}" for name in find_namespace_packages("models")
]
setup(
    packages=find_namespace_packages("src", include=["arnews_nlp*"]) + model_packages,
    package_dir={"": "src", "arnews_nlp._models": "models"},
    package_data={
        "arnews_nlp": ["py.typed", "resources/**/*"],
        **{name: ["*"] for name in model_packages},
    },
)
