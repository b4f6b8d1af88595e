/* measures-text.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A year of 0 means "no year"; as the end of a period it means "open". */
#define MEASURES_YEAR_NONE 0
#define MEASURES_YEAR_MIN  1
#define MEASURES_YEAR_MAX  9999

typedef enum
{
  MEASURES_BLOCK_PARAGRAPH,
  MEASURES_BLOCK_LIST_ITEM,
} MeasuresBlockKind;

typedef struct
{
  MeasuresBlockKind  kind;
  char              *text;
  /* Index of the list this item belongs to; items of one list share it. */
  guint              list;
} MeasuresBlock;

typedef struct
{
  gsize start;
  gsize end;
} MeasuresSpan;

/* Goes through the folded words of a text; see measures_word_iter_init(). */
typedef struct
{
  /*< private >*/
  const char *p;
  const char *end;
  const void *table;
  const char *pending;
  const char *pending_end;
  char *word;
  gsize len;
  gsize capacity;
  char buf[G_UNICHAR_MAX_DECOMPOSITION_LENGTH * 3 * 4];
  char stack[256];
} MeasuresWordIter;

char       *measures_text_show_bidi_controls (const char   *text);
GArray     *measures_text_find_matches   (const char         *text,
                                          const char * const *words);
char       *measures_text_markup_matches (const char         *text,
                                          const char * const *words,
                                          const char         *open_tag,
                                          const char         *close_tag);
void        measures_fold_append         (GString      *out,
                                          const char   *text);
char       *measures_fold                (const char   *text);
char       *measures_fold_words          (const char   *text);
gboolean    measures_utf8_validate       (const char   *text,
                                          gsize         length,
                                          const char  **end);
void        measures_word_iter_init      (MeasuresWordIter  *iter,
                                          const char        *text);
gboolean    measures_word_iter_next      (MeasuresWordIter  *iter,
                                          const char       **word,
                                          gsize             *length);
void        measures_word_iter_clear     (MeasuresWordIter  *iter);
GPtrArray  *measures_text_parse_blocks   (const char   *text);
char       *measures_format_period       (int           from,
                                          int           to);
gboolean    measures_parse_period        (const char   *text,
                                          int          *from,
                                          int          *to);
gboolean    measures_period_overlaps     (int           from,
                                          int           to,
                                          int           range_from,
                                          int           range_to);
gboolean    measures_text_has_word_prefix (const char  *words,
                                           const char   *prefix);
gboolean    measures_text_is_blank       (const char   *text);
char       *measures_uri_get_safe        (const char   *uri);
char       *measures_text_join_alternatives (const char * const *items);
char       *measures_text_group_digits   (guint64       n,
                                          const char   *separator,
                                          const char   *grouping);
char       *measures_text_format_count   (guint64       n);

char      *measures_collate_key (const char *text);
void       measures_collate_key_first_level (const char *text,
                                             GByteArray *out);

void       measures_csv_append_cell (GString    *out,
                                     const char *value,
                                     gboolean    first);

G_END_DECLS
