"""The document as a whole: whether it is talk notes (kind), its layout plan, days, a one-talk post's lead."""
