// Intentionally empty: this module only carries ICU's link flags.
