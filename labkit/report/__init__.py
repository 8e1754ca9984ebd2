"""Text and JSON reports of stored sessions."""
