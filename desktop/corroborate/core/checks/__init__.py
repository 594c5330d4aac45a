"""Typed differences between statements: values, dates, durations, speakers."""
