/* measures-vocabulary.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-vocabulary"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-countries.h"
#include "measures-text.h"
#include "measures-translations.h"
#include "measures-vocabulary.h"

/* The values Measures knows, written as the Global Database writes them.
 * Their labels are gettext messages with a context, so that translators
 * see which list a short word such as "Health" belongs to. Values not
 * listed here are shown as given. */

static const char * const type_parts[] = {
  /* Categories */
  NC_("type of measure", "Administrative data"),
  NC_("type of measure", "Budgets"),
  NC_("type of measure", "Coordinated and or Integrated service delivery"),
  NC_("type of measure", "Education"),
  NC_("type of measure", "Health"),
  NC_("type of measure", "Institutional mechanisms"),
  NC_("type of measure", "Justice"),
  NC_("type of measure", "Monitoring and Evaluation"),
  NC_("type of measure", "Other relevant laws"),
  NC_("type of measure", "Perpetrators Programme"),
  NC_("type of measure", "Police"),
  NC_("type of measure", "Policies"),
  NC_("type of measure", "Prevention"),
  NC_("type of measure", "Regional Initiatives"),
  NC_("type of measure", "Research and statistical data"),
  NC_("type of measure", "Social services"),
  NC_("type of measure", "Violence against women"),
  NC_("type of measure", "Work with public private sectors"),
  /* Subcategories */
  NC_("type of measure", "Awareness-raising /Campaigns"),
  NC_("type of measure", "Community mobilization"),
  NC_("type of measure", "Dedicated violence against women survey"),
  NC_("type of measure", "Employment/Labor law"),
  NC_("type of measure", "Faith based organizations"),
  NC_("type of measure", "Family law"),
  NC_("type of measure", "Formal education"),
  NC_("type of measure", "Government allocation"),
  NC_("type of measure", "Hotline/Helpline"),
  NC_("type of measure", "Inclusion of violence against women in other national plan/strategy"),
  NC_("type of measure", "Integrated services delivery"),
  NC_("type of measure", "Laws"),
  NC_("type of measure", "Legislation"),
  NC_("type of measure", "Media"),
  NC_("type of measure", "Military"),
  NC_("type of measure", "National action plan specific to violence against women"),
  NC_("type of measure", "National strategy specific to violence against women"),
  NC_("type of measure", "Non-formal education"),
  NC_("type of measure", "One-stop centers"),
  NC_("type of measure", "Other research and statistical data"),
  NC_("type of measure", "Protocols and guidelines"),
  NC_("type of measure", "Psycho-social counselling"),
  NC_("type of measure", "Referral services"),
  NC_("type of measure", "Services"),
  NC_("type of measure", "Shelter/Safe accommodation"),
  NC_("type of measure", "Social Services"),
  NC_("type of measure", "Training"),
  NC_("type of measure", "Violence against children survey"),
  NC_("type of measure", "Violence against women module in survey"),
  NULL
};

static const char * const forms[] = {
  NC_("form of violence", "Child, early and forced marriage"),
  NC_("form of violence", "Domestic violence/Intimate partner violence"),
  NC_("form of violence", "Female Genital Mutilation/Cutting (FGM/C)"),
  NC_("form of violence", "Femicide/Feminicide"),
  NC_("form of violence", "Other harmful practices"),
  NC_("form of violence", "Sexual harassment"),
  NC_("form of violence", "Sexual violence"),
  NC_("form of violence", "Stalking"),
  NC_("form of violence", "Trafficking"),
  NC_("form of violence", "Violence against women and girls"),
  NULL
};

static const char * const regions[] = {
  NC_("region", "Africa"),
  NC_("region", "Americas"),
  NC_("region", "Asia"),
  NC_("region", "Europe"),
  NC_("region", "Oceania"),
  NULL
};

/* The names of every country of measures-countries, in English. */
static gpointer
make_country_names (gpointer data)
{
  guint n;
  const MeasuresCountry *countries = measures_countries_get_all (&n);
  const char **names = g_new (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    names[i] = countries[i].name;
  names[n] = NULL;

  return names;
}

static const char * const *
country_names (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, make_country_names, NULL);
}

/**
 * measures_vocabulary_region_of:
 * @country: a country as records write it
 *
 * Returns: (nullable): the Global Database's region of a country
 *   Measures knows
 */
const char *
measures_vocabulary_region_of (const char *country)
{
  const MeasuresCountry *known;

  g_return_val_if_fail (country != NULL, NULL);

  known = measures_countries_find (country);

  return known != NULL ? known->region : NULL;
}

static const char *
context_of (MeasuresFacet facet)
{
  switch (facet)
    {
    case MEASURES_FACET_COUNTRY:
      return "country";
    case MEASURES_FACET_REGION:
      return "region";
    case MEASURES_FACET_TYPE:
      return "type of measure";
    case MEASURES_FACET_FORM:
      return "form of violence";
    case MEASURES_N_FACETS:
    default:
      g_assert_not_reached ();
    }
}

static const char * const *
list_of (MeasuresFacet facet)
{
  switch (facet)
    {
    case MEASURES_FACET_COUNTRY:
      return country_names ();
    case MEASURES_FACET_REGION:
      return regions;
    case MEASURES_FACET_TYPE:
      return type_parts;
    case MEASURES_FACET_FORM:
      return forms;
    case MEASURES_N_FACETS:
    default:
      g_assert_not_reached ();
    }
}

/* The known spelling of @value, compared without regard to case; a
 * country by any of its names. */
static const char *
find_known (MeasuresFacet  facet,
            const char    *value)
{
  const char * const *list;

  if (facet == MEASURES_FACET_COUNTRY)
    {
      const MeasuresCountry *country = measures_countries_find (value);

      return country != NULL ? country->name : NULL;
    }

  list = list_of (facet);

  for (guint i = 0; list[i] != NULL; i++)
    if (g_ascii_strcasecmp (list[i], value) == 0)
      return list[i];

  return NULL;
}

static const char *
translate (MeasuresTranslations *translations,
           MeasuresFacet         facet,
           const char           *value)
{
  const char *known;

  if (facet == MEASURES_FACET_COUNTRY)
    {
      const MeasuresCountry *country = measures_countries_find (value);

      return country != NULL ? measures_country_get_label (country, translations) : value;
    }

  known = find_known (facet, value);

  if (known == NULL)
    return value;

  if (translations != NULL)
    return measures_translations_get (translations, context_of (facet), known);

  return g_dpgettext2 (GETTEXT_PACKAGE, context_of (facet), known);
}

/**
 * measures_vocabulary_get_known:
 * @facet: a facet
 *
 * Returns: (transfer none): the values Measures has labels for; for
 *   types, the categories and subcategories apart; for countries, the
 *   name each country is shown by in English
 */
const char * const *
measures_vocabulary_get_known (MeasuresFacet facet)
{
  g_return_val_if_fail (facet < MEASURES_N_FACETS, NULL);

  return list_of (facet);
}

/**
 * measures_type_get_category:
 * @type: a type of measure, "Category > Subcategory" or a bare category
 *
 * Returns: (transfer full): the category, trimmed
 */
char *
measures_type_get_category (const char *type)
{
  const char *separator = strstr (type, MEASURES_TYPE_SEPARATOR);

  if (separator == NULL)
    return g_strstrip (g_strdup (type));

  return g_strstrip (g_strndup (type, separator - type));
}

/**
 * measures_type_get_subcategory:
 *
 * Returns: (transfer full) (nullable): the subcategory, or %NULL for a
 *   bare category
 */
char *
measures_type_get_subcategory (const char *type)
{
  const char *separator = strstr (type, MEASURES_TYPE_SEPARATOR);

  if (separator == NULL)
    return NULL;

  return g_strstrip (g_strdup (separator + strlen (MEASURES_TYPE_SEPARATOR)));
}

/**
 * measures_vocabulary_label:
 * @facet: which list @value belongs to
 * @value: a value as a record writes it
 *
 * Returns: (transfer full): the label to show for @value in the user's
 *   language; a type's category and subcategory are translated apart and
 *   joined with "›"; unknown values come back as given
 */
char *
measures_vocabulary_label (MeasuresFacet  facet,
                           const char    *value)
{
  return measures_vocabulary_label_in (NULL, facet, value);
}

/**
 * measures_vocabulary_label_in:
 * @translations: (nullable): the language to label in; %NULL for the
 *   language of the user interface
 * @facet: which list @value belongs to
 * @value: a value as a record writes it
 *
 * Returns: (transfer full): the label of @value in that language
 */
char *
measures_vocabulary_label_in (MeasuresTranslations *translations,
                              MeasuresFacet         facet,
                              const char           *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  if (facet == MEASURES_FACET_TYPE)
    {
      g_autofree char *category = measures_type_get_category (value);
      g_autofree char *subcategory = measures_type_get_subcategory (value);

      if (subcategory == NULL)
        return g_strdup (translate (translations, facet, category));

      return g_strdup_printf ("%s › %s", translate (translations, facet, category),
                              translate (translations, facet, subcategory));
    }

  return g_strdup (translate (translations, facet, value));
}

/**
 * measures_vocabulary_is_known:
 *
 * Returns: whether Measures has a label of its own for @value
 */
gboolean
measures_vocabulary_is_known (MeasuresFacet  facet,
                              const char    *value)
{
  if (facet == MEASURES_FACET_TYPE)
    {
      g_autofree char *category = measures_type_get_category (value);
      g_autofree char *subcategory = measures_type_get_subcategory (value);

      return find_known (facet, category) != NULL &&
             (subcategory == NULL || find_known (facet, subcategory) != NULL);
    }

  return find_known (facet, value) != NULL;
}

static guint
most_commas (const char * const *values,
             gsize               n)
{
  guint most = 0;

  for (gsize i = 0; i < n && values[i] != NULL; i++)
    {
      guint commas = 0;

      for (const char *p = values[i]; *p != '\0'; p++)
        commas += *p == ',';
      most = MAX (most, commas);
    }

  return most;
}

/**
 * measures_vocabulary_get_max_commas:
 * @facet: %MEASURES_FACET_TYPE or %MEASURES_FACET_FORM
 *
 * Returns: the most commas a known value of @facet holds: a type's
 *   category and subcategory may each hold some
 */
guint
measures_vocabulary_get_max_commas (MeasuresFacet facet)
{
  if (facet == MEASURES_FACET_TYPE)
    return 2 * most_commas (type_parts, G_N_ELEMENTS (type_parts));
  if (facet == MEASURES_FACET_FORM)
    return most_commas (forms, G_N_ELEMENTS (forms));

  return 0;
}

/**
 * measures_facet_key:
 * @facet: which list @value belongs to
 * @value: a value as a record or a user writes it
 *
 * Facet values compare without regard to case, diacritics (as search
 * words are folded: "România", "ROMANIA" and "romania" are one value) or
 * the spaces around a type's ">", so "policies>national strategy …" and
 * "Policies > National strategy …" are the same value. A country
 * Measures knows is one value by any of its names ("Türkiye", "Turkey",
 * "turkiye"); others compare as written, folded so.
 *
 * Returns: (transfer full): the key to compare @value by
 */
char *
measures_facet_key (MeasuresFacet  facet,
                    const char    *value)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (value != NULL, NULL);

  if (facet == MEASURES_FACET_TYPE)
    {
      g_autofree char *category = measures_type_get_category (value);
      g_autofree char *subcategory = measures_type_get_subcategory (value);
      g_autofree char *folded_category = measures_fold (category);
      g_autofree char *folded_subcategory = NULL;

      if (subcategory == NULL)
        return g_steal_pointer (&folded_category);

      folded_subcategory = measures_fold (subcategory);

      return g_strdup_printf ("%s > %s", folded_category, folded_subcategory);
    }

  if (facet == MEASURES_FACET_COUNTRY)
    {
      const MeasuresCountry *country;

      /* A key is its own key, as a folded name is; no folded name starts
       * with a control character. */
      if (value[0] == '\001')
        return g_strdup (value);
      if ((country = measures_countries_find (value)) != NULL)
        return g_strconcat ("\001", country->alpha_2, NULL);
    }

  trimmed = g_strstrip (g_strdup (value));

  return measures_fold (trimmed);
}
