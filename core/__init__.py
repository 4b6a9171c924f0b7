"""Records, errors, settings and the one place that wires objects together."""
