"""Speech: VAD-segmented ASR, sentence framing, script merge, prosody."""
