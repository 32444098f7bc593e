"""The half-yearly activity report (SOP E.4): figures, wording, charts, page, PDF, evaluation."""
