/* measures-countries.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "measures-translations.h"

G_BEGIN_DECLS

/**
 * MeasuresCountry:
 * @alpha_2: the ISO 3166-1 alpha-2 code, "RO"
 * @alpha_3: the alpha-3 code, "ROU"
 * @name: the name in English, as the Global Database writes it
 * @iso_name: the name in iso-codes, the message of its iso_3166-1 domain
 * @region: (nullable): the Global Database's region
 * @own_label: whether Measures' own catalogue names it in other
 *   languages, where iso-codes' name reads wrong
 *
 * A country or territory of ISO 3166-1, as the Global Database files it.
 */
typedef struct
{
  const char *alpha_2;
  const char *alpha_3;
  const char *name;
  const char *iso_name;
  const char *region;
  gboolean    own_label;
} MeasuresCountry;

const MeasuresCountry *measures_countries_find      (const char            *name);
const MeasuresCountry *measures_countries_get_all   (guint                 *n_countries);
const char            *measures_country_get_label   (const MeasuresCountry *country,
                                                     MeasuresTranslations  *translations);
char                  *measures_countries_key       (const char            *name);

G_END_DECLS
