"""The support queue in Oscar's dashboard."""
