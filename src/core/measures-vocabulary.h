/* measures-vocabulary.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "measures-translations.h"

G_BEGIN_DECLS

/**
 * MeasuresFacet:
 * @MEASURES_FACET_COUNTRY: countries; with regions, the place facet
 * @MEASURES_FACET_REGION: regions
 * @MEASURES_FACET_TYPE: types of measure, categories and subcategories
 * @MEASURES_FACET_FORM: forms of violence
 */
typedef enum
{
  MEASURES_FACET_COUNTRY,
  MEASURES_FACET_REGION,
  MEASURES_FACET_TYPE,
  MEASURES_FACET_FORM,
  MEASURES_N_FACETS,
} MeasuresFacet;

/* Separates a category from its subcategory in a type of measure. */
#define MEASURES_TYPE_SEPARATOR ">"

char       *measures_vocabulary_label        (MeasuresFacet  facet,
                                              const char    *value);
/* *INDENT-OFF* */
const char * const *
            measures_vocabulary_get_known    (MeasuresFacet  facet);
/* *INDENT-ON* */
char       *measures_vocabulary_label_in     (MeasuresTranslations *translations,
                                              MeasuresFacet  facet,
                                              const char    *value);
const char *measures_vocabulary_region_of    (const char    *country);
gboolean    measures_vocabulary_is_known     (MeasuresFacet  facet,
                                              const char    *value);
guint       measures_vocabulary_get_max_commas (MeasuresFacet facet);
char       *measures_facet_key               (MeasuresFacet  facet,
                                              const char    *value);
char       *measures_type_get_category       (const char    *type);
char       *measures_type_get_subcategory    (const char    *type);

G_END_DECLS
