"""A helper module of the scorer package, imported from libraries/."""


def weighted_score(values, weight):
    negative = [v for v in values if v < 0]
    if negative:
        raise ValueError(f"values must not be negative, got {negative[0]}")
    return round(sum(values) * weight / max(len(values), 1), 6)
