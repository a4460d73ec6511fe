"""The ground floor: what every other layer may use and that imports
nothing of the project – diagnostics, YAML 1.2 scalars, the positions
protocol, number formatting, paths and the version (docs/architecture.md)."""
