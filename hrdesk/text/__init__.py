"""Text helpers with no Qt: pinyin search and sort keys for names."""
