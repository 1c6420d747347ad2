"""Dateline: a fast, real-time, multilingual news publishing platform."""
