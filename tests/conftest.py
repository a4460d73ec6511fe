import os
import sys
from pathlib import Path

from hypothesis import settings

sys.path.insert(0, str(Path(__file__).parent))

# Deterministic in CI: the same examples every run, so a red build is a
# real regression; run with HYPOTHESIS_PROFILE=explore for fresh ones
# (tests that set their own max_examples use helpers.examples()).
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True, max_examples=200)
settings.register_profile("explore", deadline=None, max_examples=3000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
