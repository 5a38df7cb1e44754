"""What importing the scenario format does not do: read the models' source for their
docstrings, build their validators, or look for pydantic plugins. The `schema` command
still describes every field (its output is pinned by `test_committed_schema_is_current`)."""

from __future__ import annotations

from .conftest import run_python


def test_the_models_are_built_when_first_used_and_read_no_docstrings() -> None:
    code = (
        "import os\n"
        "os.environ.pop('PYDANTIC_DISABLE_PLUGINS', None)  # the test process set it\n"
        "from game.scenario.models import Power, Scenario\n"
        "assert Power.model_fields['short'].description is None\n"
        "assert not Scenario.__pydantic_complete__, 'built on import'\n"
        "assert os.environ['PYDANTIC_DISABLE_PLUGINS'] == '__all__'\n"
        "from game.scenario.schema import scenario_schema\n"
        "power = scenario_schema()['$defs']['Power']['properties']['short']\n"
        "assert power['description'].startswith('Short name for narrow screens'), power\n"
    )
    proc = run_python(code)
    assert proc.returncode == 0, proc.stderr
