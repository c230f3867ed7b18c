"""Per-document extraction stages: one module per stage, registered in ``registry``."""
