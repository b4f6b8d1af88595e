/* measures-error.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MEASURES_ERROR (measures_error_quark ())

/**
 * MeasuresError:
 * @MEASURES_ERROR_INVALID_JSON: the file is not JSON, or not a dataset
 * @MEASURES_ERROR_MISSING_FIELD: a record lacks a required key
 * @MEASURES_ERROR_BAD_VALUE: a key holds a value of the wrong type or form
 * @MEASURES_ERROR_UNREADABLE: the file could not be read
 * @MEASURES_ERROR_NO_RECORDS: nothing usable was loaded
 * @MEASURES_ERROR_UNKNOWN_VALUE: a value a user typed names nothing known
 */
typedef enum
{
  MEASURES_ERROR_INVALID_JSON,
  MEASURES_ERROR_MISSING_FIELD,
  MEASURES_ERROR_BAD_VALUE,
  MEASURES_ERROR_UNREADABLE,
  MEASURES_ERROR_NO_RECORDS,
  MEASURES_ERROR_UNKNOWN_VALUE,
} MeasuresError;

GQuark measures_error_quark (void);

G_END_DECLS
