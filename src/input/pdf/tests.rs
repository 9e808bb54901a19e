//! Extraction of the generated PDF fixtures (fixtures/pdf/).
