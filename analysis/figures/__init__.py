"""The rules behind analysis.numbers.find_numbers, one module per question asked of a figure
(see analysis/numbers.py for the map)."""
