"""Views: HTML and SVG renderings of stored sessions."""
