"""Small, seeded mechanism demos (documented fully once all three exist)."""
