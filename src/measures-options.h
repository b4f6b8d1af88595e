/* measures-options.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The options of the command line, for `measures --help` and the man
 * page alike; their descriptions are untranslated (N_). */
extern const GOptionEntry measures_option_entries[];

/**
 * MeasuresOptions:
 * @entries: the options, their descriptions complete
 *
 * The options as `measures --help` and the man page give them.
 */
typedef struct
{
  GOptionEntry *entries;
  char *format_help;
  char *lang_help;
} MeasuresOptions;

MeasuresOptions *measures_options_new  (void);
void             measures_options_free (MeasuresOptions *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresOptions, measures_options_free)

G_END_DECLS
