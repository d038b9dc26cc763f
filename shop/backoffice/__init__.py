"""The back office (Oscar's dashboard): who may do what in it."""
