/* measures-json-scan-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scan of a JSON text before json-glib is given it, for the loader
 * and the cache.
 */

#pragma once

#include <glib.h>

#include "measures-cache.h"

G_BEGIN_DECLS

/* Deeper nesting than any real dataset needs; json-glib itself
 * overflows the stack somewhere past 70,000 levels. The loader's
 * MEASURES_LOADER_MAX_DEPTH says the same to its users. */
#define MEASURES_JSON_SCAN_MAX_DEPTH 64

/* What a scan of the JSON text finds before json-glib parses it:
 * json-glib overflows its stack on deep nesting, drops anything after
 * the first value, turns a lone surrogate escape into invalid UTF-8 and
 * cuts strings at \u0000, and it gives no positions for values. */
/* Where json-glib reads text otherwise than JSON does: a comment, which
 * it skips (it takes any “/” for the start of one), and a text in single
 * quotes. The scan stops there and the file is refused, so that what the
 * scan counts is what json-glib will read. */
typedef enum
{
  MEASURES_JSON_STOP_NONE,
  MEASURES_JSON_STOP_COMMENT,           /* a slash and a star, or two slashes */
  MEASURES_JSON_STOP_SLASH,             /* any other “/” */
  MEASURES_JSON_STOP_QUOTE,             /* “'” */
} MeasuresJsonStop;

typedef struct
{
  gboolean too_deep;
  GError *escape_error;   /* a \u escape the file cannot be read with */
  gboolean escape_error_in_format;
  GPtrArray *outside;     /* MeasuresProblem, for \u escapes outside the records */
  GArray *bad_escapes;    /* gsize, where each \u escape that is no character is */
  MeasuresJsonStop stop;
  gsize stop_offset;
  guint stop_line;
  guint stop_column;
  gsize end;              /* just past the first value */
  guint trailing_line;    /* where text after the first value starts, or 0 */
  guint trailing_column;
  GArray *record_lines;   /* guint, the line where each record starts */
  GArray *record_columns;
  GHashTable *bad_records; /* index (1-based) → message */

  /* Where each record is, when every record is an object between plain
   * separators: then each is parsed on its own, and in parallel. */
  gboolean simple;
  GArray *record_starts;  /* gsize, at its “{” */
  GArray *record_ends;    /* gsize, just past its “}” */
  gsize records_start;    /* the records array's “[” */
  gsize records_end;      /* just past its “]” */
  gboolean root_is_array;
} MeasuresJsonScan;

void      _measures_json_scan                (const char             *data,
                                              gsize                   length,
                                              MeasuresJsonScan       *scan);
void      _measures_json_scan_releasing      (const char             *data,
                                              gsize                   length,
                                              MeasuresJsonScan       *scan);
void      _measures_json_scan_clear          (MeasuresJsonScan       *scan);
gboolean  _measures_json_scan_validate       (const char             *data,
                                              gsize                   length,
                                              gboolean                mapped,
                                              MeasuresFingerprint    *fingerprint,
                                              const char            **bad);
gboolean  _measures_json_scan_is_safe        (const char             *text,
                                              gsize                   length);
guint     _measures_json_scan_record_line    (const MeasuresJsonScan *scan,
                                              guint                   index,
                                              guint                  *column);

GError   *_measures_json_scan_parse_error    (const GError           *error);
GError   *_measures_json_scan_stop_error     (const MeasuresJsonScan *scan);
GError   *_measures_json_scan_trailing_error (const MeasuresJsonScan *scan);
GError   *_measures_json_scan_too_deep_error (const MeasuresJsonScan *scan);

G_END_DECLS
