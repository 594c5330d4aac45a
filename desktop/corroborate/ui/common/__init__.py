"""Shared widgets and services: actions, settings, tasks, theme, icons, table model base."""
