/* fuzz-json.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: any bytes through the dataset loader (JSON, or text
 * records when they do not look like JSON), then through the index and
 * the JSON writer, as the window and the command line use them; and each
 * record the loader's reader of plain records reads, against json-glib.
 */

#include "config.h"

#include <stdlib.h>

#include "fuzz-common.h"
#include "measures-json-scan-private.h"
#include "measures-record-reader-private.h"

static char *
describe (MeasuresMeasure *measure)
{
  g_autoptr(JsonNode) node = measures_measure_to_json (measure);
  g_autofree char *json = json_to_string (node, FALSE);

  return g_strdup_printf ("%s derived=%d", json, measures_measure_get_title_derived (measure));
}

/* A record the reader reads is the measure json-glib makes of it. */
static void
check_plain_records (const char *data,
                     gsize       size)
{
  g_autoptr(MeasuresRecordReader) reader = NULL;
  MeasuresJsonScan scan;

  if (!g_utf8_validate_len (data, size, NULL))
    return;

  _measures_json_scan (data, size, &scan);
  if (!scan.too_deep && scan.stop == MEASURES_JSON_STOP_NONE)
    for (guint i = 0; i < scan.record_starts->len && i < scan.record_ends->len; i++)
      {
        gsize start = g_array_index (scan.record_starts, gsize, i);
        gsize end = g_array_index (scan.record_ends, gsize, i);
        g_autoptr(MeasuresStrings) strings = measures_strings_new (4096);
        g_autoptr(MeasuresMeasure) plain = NULL;
        g_autoptr(JsonParser) parser = NULL;
        g_autoptr(MeasuresMeasure) reference = NULL;
        g_autofree char *got = NULL;
        g_autofree char *expected = NULL;

        if (end <= start || g_hash_table_contains (scan.bad_records, GUINT_TO_POINTER (i + 1)))
          continue;
        if (reader == NULL)
          reader = _measures_record_reader_new ();
        plain = _measures_record_reader_read (reader, data + start, end - start, strings);
        if (plain == NULL)
          continue;

        parser = json_parser_new_immutable ();
        if (!json_parser_load_from_data (parser, data + start, end - start, NULL) ||
            !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
            (reference = measures_measure_new_from_json_in (json_node_get_object (json_parser_get_root (parser)),
                                                            strings, NULL)) == NULL)
          abort ();
        got = describe (plain);
        expected = describe (reference);
        if (!g_str_equal (got, expected))
          abort ();
      }
  _measures_json_scan_clear (&scan);
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_bytes (bytes, NULL, "fuzz.json");
  GPtrArray *measures = measures_dataset_get_measures (dataset);

  for (guint i = 0; i < measures_dataset_get_problems (dataset)->len; i++)
    g_free (measures_problem_to_string (g_ptr_array_index (measures_dataset_get_problems (dataset), i)));

  fuzz_use_measures (measures);
  check_plain_records ((const char *) data, size);

  return 0;
}
