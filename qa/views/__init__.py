"""The web app's views (used by ui.py only): chat messages, HTML renderings, staff figures."""
