/** What other modules may use of the category-model module; every other file in this folder is internal. */
export {
  categoryModel,
  categoryProbabilities,
  recordCategoryChoice,
  retrainCategoryModel,
  suggest,
  warmIntakeModel,
} from './category-suggester';
