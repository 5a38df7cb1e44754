"""The scenario format: models, loader with located errors, and the safe notation."""

from .bundled import bundled_paths, list_bundled, load, resolve, scenarios_dir
from .errors import Problem, ScenarioError
from .loader import load_scenario, load_text
from .models import FORMAT_VERSION, Scenario

__all__ = [
    "FORMAT_VERSION",
    "Problem",
    "Scenario",
    "ScenarioError",
    "bundled_paths",
    "list_bundled",
    "load",
    "load_scenario",
    "load_text",
    "resolve",
    "scenarios_dir",
]
