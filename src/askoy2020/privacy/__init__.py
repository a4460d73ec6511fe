"""Guards against personal data in the repository."""
