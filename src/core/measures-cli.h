/* measures-cli.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * MeasuresExitStatus:
 * @MEASURES_EXIT_OK: everything was loaded
 * @MEASURES_EXIT_FAILURE: nothing usable was loaded, or the arguments
 *   are wrong
 * @MEASURES_EXIT_PARTIAL: some records were skipped; the rest were used
 */
typedef enum
{
  MEASURES_EXIT_OK = 0,
  MEASURES_EXIT_FAILURE = 1,
  MEASURES_EXIT_PARTIAL = 2,
} MeasuresExitStatus;

GPtrArray          *measures_cli_load       (GFile * const  *files,
                                             guint           n_files,
                                             GString        *err,
                                             MeasuresExitStatus *status);
MeasuresExitStatus  measures_cli_count      (GFile * const  *files,
                                             guint           n_files,
                                             GString        *out,
                                             GString        *err);

G_END_DECLS
