"""Case-specific helpers that keep the lesson notebooks thin (one module per case)."""
