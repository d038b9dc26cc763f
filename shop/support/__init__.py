"""Support contact workflow: tracked requests that real people answer, 24/7."""
