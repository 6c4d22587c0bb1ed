"""Shared text helpers of the recognisers: compiled-on-first-use patterns, flattened inline text, metadata lines."""
