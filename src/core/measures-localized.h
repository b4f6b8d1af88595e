/* measures-localized.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_LOCALIZED (measures_localized_get_type ())

/* The language code of a plain JSON string, which names no language. */
#define MEASURES_LANG_NEUTRAL ""

typedef struct _MeasuresLocalized MeasuresLocalized;
typedef struct _MeasuresStrings MeasuresStrings;

GType               measures_localized_get_type      (void) G_GNUC_CONST;
MeasuresLocalized  *measures_localized_new           (void);
MeasuresLocalized  *measures_localized_new_in        (MeasuresStrings           *strings);
MeasuresLocalized  *measures_localized_new_sized     (MeasuresStrings           *strings,
                                                      guint                      n);
MeasuresLocalized  *measures_localized_ref           (MeasuresLocalized         *self);
void                measures_localized_unref         (MeasuresLocalized         *self);
void                measures_localized_set           (MeasuresLocalized         *self,
                                                      const char                *lang,
                                                      const char                *text);
void                measures_localized_set_borrowed  (MeasuresLocalized         *self,
                                                      const char                *lang,
                                                      const char                *text);
const char         *measures_localized_get_exact     (const MeasuresLocalized   *self,
                                                      const char                *lang);
const char         *measures_localized_resolve       (const MeasuresLocalized   *self,
                                                      const char * const        *langs,
                                                      const char               **out_lang);
guint               measures_localized_get_n_langs   (const MeasuresLocalized   *self);
const char         *measures_localized_get_lang      (const MeasuresLocalized   *self,
                                                      guint                      index);
const char         *measures_localized_get_text      (const MeasuresLocalized   *self,
                                                      guint                      index);
gboolean            measures_localized_is_empty      (const MeasuresLocalized   *self);
gboolean            measures_localized_equal         (const MeasuresLocalized   *a,
                                                      const MeasuresLocalized   *b);
MeasuresLocalized  *measures_localized_from_json     (JsonNode                  *node,
                                                      GError                   **error);
MeasuresLocalized  *measures_localized_from_json_in  (JsonNode                  *node,
                                                      MeasuresStrings           *strings,
                                                      GError                   **error);
JsonNode           *measures_localized_to_json       (const MeasuresLocalized   *self);

void                measures_set_content_languages   (const char * const        *langs);
GStrv               measures_get_content_languages   (void);
char               *measures_get_preferred_language  (void);
gboolean            measures_language_is             (const char                *lang,
                                                      const char                *base);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresLocalized, measures_localized_unref)

G_END_DECLS
