// Reference data as the other features use it: skills, occupations, postcodes,
// the pickers over them and the vocabularies openings and candidates share.
export {
  isPostcode,
  useOccupationSearch,
  usePoolEstimates,
  usePostcode,
  useRelatedOccupations,
  useSkills,
  type PoolEstimate,
  type Reach,
  type RelatedOccupation,
  type Skill,
} from './api';
export { OccupationPicker, OccupationsPicker, SkillPicker, fewReach, reachText, type OccupationValue } from './Pickers';
export { dayOptions, dayPartOptions, supportOptions } from './options';
