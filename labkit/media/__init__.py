"""Media in: decoding, resampling, validation and the append-only raw track store."""
