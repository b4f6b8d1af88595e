/* synthetic-dataset.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A synthetic dataset as wide as the world: up to 200 countries (real
 * names, so that the map knows most of them and not all: Antarctica is
 * not on it), up to 30 categories of measure, each with a subcategory,
 * and ten forms of violence, for the coverage tests and the benchmarks.
 * The same seed gives the same records.
 */

#pragma once

#include <glib.h>

static const char * const synthetic_countries[] = {
  "Afghanistan", "Albania", "Algeria", "American Samoa", "Andorra", "Angola", "Anguilla",
  "Antarctica", "Antigua and Barbuda", "Argentina", "Armenia", "Aruba", "Australia", "Austria",
  "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize",
  "Benin", "Bermuda", "Bhutan", "Bolivia", "Bonaire, Sint Eustatius and Saba",
  "Bosnia and Herzegovina", "Botswana", "Bouvet Island", "Brazil",
  "British Indian Ocean Territory", "Brunei Darussalam", "Bulgaria", "Burkina Faso", "Burundi",
  "Cabo Verde", "Cambodia", "Cameroon", "Canada", "Cayman Islands", "Central African Republic",
  "Chad", "Chile", "China", "Christmas Island", "Cocos (Keeling) Islands", "Colombia", "Comoros",
  "Congo", "Congo, The Democratic Republic of the", "Cook Islands", "Costa Rica", "Croatia",
  "Cuba", "Curaçao", "Cyprus", "Czechia", "Côte d'Ivoire", "Denmark", "Djibouti", "Dominica",
  "Dominican Republic", "Ecuador", "Egypt", "El Salvador", "Equatorial Guinea", "Eritrea",
  "Estonia", "Eswatini", "Ethiopia", "Falkland Islands (Malvinas)", "Faroe Islands", "Fiji",
  "Finland", "France", "French Guiana", "French Polynesia", "French Southern Territories",
  "Gabon", "Gambia", "Georgia", "Germany", "Ghana", "Gibraltar", "Greece", "Greenland",
  "Grenada", "Guadeloupe", "Guam", "Guatemala", "Guernsey", "Guinea", "Guinea-Bissau", "Guyana",
  "Haiti", "Heard Island and McDonald Islands", "Holy See (Vatican City State)", "Honduras",
  "Hong Kong", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland",
  "Isle of Man", "Israel", "Italy", "Jamaica", "Japan", "Jersey", "Jordan", "Kazakhstan",
  "Kenya", "Kiribati", "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Lesotho", "Liberia",
  "Libya", "Liechtenstein", "Lithuania", "Luxembourg", "Macao", "Madagascar", "Malawi",
  "Malaysia", "Maldives", "Mali", "Malta", "Marshall Islands", "Martinique", "Mauritania",
  "Mauritius", "Mayotte", "Mexico", "Micronesia, Federated States of", "Moldova", "Monaco",
  "Mongolia", "Montenegro", "Montserrat", "Morocco", "Mozambique", "Myanmar", "Namibia", "Nauru",
  "Nepal", "Netherlands", "New Caledonia", "New Zealand", "Nicaragua", "Niger", "Nigeria",
  "Niue", "Norfolk Island", "North Korea", "North Macedonia", "Northern Mariana Islands",
  "Norway", "Oman", "Pakistan", "Palau", "Palestine, State of", "Panama", "Papua New Guinea",
  "Paraguay", "Peru", "Philippines", "Pitcairn", "Poland", "Portugal", "Puerto Rico", "Qatar",
  "Romania", "Russian Federation", "Rwanda", "Réunion", "Saint Barthélemy",
  "Saint Helena, Ascension and Tristan da Cunha", "Saint Kitts and Nevis", "Saint Lucia",
  "Saint Martin (French part)", "Saint Pierre and Miquelon", "Saint Vincent and the Grenadines",
  "Samoa", "San Marino", "Sao Tome and Principe", "Saudi Arabia", "Senegal", "Serbia",
  "Seychelles", "Sierra Leone", "Singapore", "Sint Maarten (Dutch part)",
};

static const char * const synthetic_regions[] = { "Africa", "Americas", "Asia", "Europe", "Oceania" };

static const char * const synthetic_forms[] = {
  "Domestic violence/Intimate partner violence", "Violence against women and girls",
  "Trafficking", "Sexual violence", "Sexual harassment", "Stalking",
  "Child, early and forced marriage", "Female Genital Mutilation/Cutting (FGM/C)",
  "Femicide/Feminicide", "Other harmful practices",
};

static const char * const synthetic_words[] = {
  "national", "strategy", "trafficking", "prevention", "protection", "victims", "police",
  "justice", "training", "shelter", "helpline", "awareness", "education", "law", "plan",
};

/* @n records over the first @n_countries countries and @n_categories
 * categories; the records of about one country in nine name no region,
 * which the vocabulary then gives. */
static inline GBytes *
synthetic_dataset (guint   n,
                   guint   n_countries,
                   guint   n_categories,
                   guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *json = g_string_sized_new ((gsize) n * 360 + 64);

  n_countries = CLAMP (n_countries, 1, G_N_ELEMENTS (synthetic_countries));
  n_categories = CLAMP (n_categories, 1, 30);

  g_string_append (json, "{\"format\":\"measures-1\",\"measures\":[\n");
  for (guint i = 0; i < n; i++)
    {
      guint country = g_rand_int_range (rand, 0, n_countries);
      int from = g_rand_int_range (rand, 1995, 2026);
      guint n_types = g_rand_int_range (rand, 1, 4);
      guint n_forms = g_rand_int_range (rand, 0, 3);

      g_string_append_printf (json, "%s{\"id\":\"synthetic-%u\",\"country\":\"%s\"", i > 0 ? ",\n" : "",
                              i, synthetic_countries[country]);
      if (country % 9 != 8)
        g_string_append_printf (json, ",\"region\":\"%s\"",
                                synthetic_regions[country % G_N_ELEMENTS (synthetic_regions)]);
      g_string_append_printf (json, ",\"year\":{\"from\":%d,\"to\":%d}", from, from + g_rand_int_range (rand, 0, 5));

      g_string_append (json, ",\"types\":[");
      for (guint k = 0; k < n_types; k++)
        {
          /* Countries lean to some categories and have none of one in
           * five, so that the matrix has "none" as well as counts. */
          guint category = (g_rand_int_range (rand, 0, 3) == 0 ? country : g_rand_int_range (rand, 0, 1000))
                           % n_categories;

          if (n_categories > 1 && (category + country) % 5 == 0)
            category = (category + 1) % n_categories;

          g_string_append_printf (json, "%s\"Category %02u > Subcategory %u\"", k > 0 ? "," : "",
                                  category + 1, (guint) g_rand_int_range (rand, 1, 3));
        }
      g_string_append (json, "],\"forms\":[");
      for (guint k = 0; k < n_forms; k++)
        g_string_append_printf (json, "%s\"%s\"", k > 0 ? "," : "",
                                synthetic_forms[g_rand_int_range (rand, 0, G_N_ELEMENTS (synthetic_forms))]);
      g_string_append_printf (json, "],\"title\":{\"en\":\"%s %s %u\"}}",
                              synthetic_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (synthetic_words))],
                              synthetic_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (synthetic_words))], i);
    }
  g_string_append (json, "\n]}\n");

  return g_string_free_to_bytes (json);
}
