/**
 * The shapes of a record's and a catalogue's scores (MQA points, 5 stars, ODC principles), as the
 * report gives them; `src/scores/` computes them.
 */
import type { Principle } from './principle.js';

/** MQA dimensions (EU Metadata Quality Assessment): the record's points and the maximum per dimension. */
export type MqaDimension =
  | 'findability'
  | 'accessibility'
  | 'interoperability'
  | 'reusability'
  | 'contextuality';
export type MqaBand = 'excellent' | 'good' | 'sufficient' | 'bad';

export interface MqaScore {
  /** Points earned out of `max` (405 when every indicator is assessed), rounded to 2 decimals. */
  points: number;
  max: number;
  /** The MQA's band for `points` (excellent > 350, good > 220, sufficient > 120): indicators not assessed count 0. */
  band: MqaBand;
  dimensions: Record<MqaDimension, { points: number; max: number }>;
  /** Points of each assessed indicator, by its MQA metric name (keywordAvailability…). */
  indicators: Record<string, number>;
  /** Indicators not assessed in this run (reachability without --check-urls). */
  notAssessed?: string[];
}

/** The share of applicable checks of one ODC principle that passed. */
export interface PrincipleScore {
  passed: number;
  applicable: number;
  /** passed ÷ applicable, 0 to 1, rounded to 3 decimals. */
  share: number;
}

export interface RecordScores {
  mqa: MqaScore;
  /** Berners-Lee 5-star level of the dataset (its best distribution), 0 to 5. */
  stars: number;
  /** 5-star level of each distribution, in the record's order. */
  distributionStars: number[];
  principles: Partial<Record<Principle, PrincipleScore>>;
}

export interface CatalogueScores {
  /** Records scored (every record that could be read). */
  records: number;
  mqa: {
    mean: number;
    median: number;
    /** Highest possible points per record (405, or 325 without --check-urls). */
    max: number;
    /** Band of the mean. */
    band: MqaBand;
    dimensions: Record<MqaDimension, { mean: number; max: number }>;
    /** Mean points of each indicator: what to improve first. */
    indicators: Record<string, number>;
    notAssessed?: string[];
  };
  /** Number of datasets at each 5-star level ("0".."5"). */
  stars: Record<string, number>;
  principles: Partial<Record<Principle, PrincipleScore>>;
}
